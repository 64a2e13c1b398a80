package org.seq4j.task.lm;

/** What a language model's tokens are. */
public enum LmLevel {
    /** Unicode code points (char-rnn). */
    CHAR,
    /** Whitespace-separated words, rare ones folded into {@code <unk>}. */
    WORD,
    /** Byte-level BPE pieces (GPT-2's scheme): trained on the text, or GPT-2's own files. */
    BPE
}
