/**
 * Language modelling (issue 5, {@code lm}): {@link org.seq4j.task.lm.LanguageModel} trains an RNN on next-token
 * windows of a plain text at char, word or BPE level, scores held-out text in nats per token and perplexity, and
 * generates with the cells' state carried token by token through a {@link org.seq4j.task.lm.Sampler} (greedy, or
 * a draw after {@link org.seq4j.task.lm.LogitFilter}s: temperature, top-k, top-p).
 */
package org.seq4j.task.lm;
