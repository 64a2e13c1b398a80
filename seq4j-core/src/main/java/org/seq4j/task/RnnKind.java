package org.seq4j.task;

/** The recurrent cell a task's network is built from. */
public enum RnnKind { RNN, LSTM, GRU }
