package org.seq4j.task.lm;

/**
 * A language model's score on a text.
 *
 * @param loss       mean cross-entropy in nats per token
 * @param perplexity exp(loss)
 * @param tokens     how many tokens were predicted
 * @param characters how many characters the scored text has
 */
public record LmScore(double loss, double perplexity, long tokens, long characters) {

    /** The loss spread over characters: comparable across levels (nats per character). */
    public double natsPerCharacter() {
        return loss * tokens / characters;
    }
}
