package org.seq4j.task.tag;

/**
 * A tagger's score on gold sentences.
 *
 * @param accuracy        correct tags / tokens (padding never counts)
 * @param tokens          tokens scored
 * @param unknownAccuracy accuracy on tokens whose word the tagger's vocabulary lacks (NaN if there are none)
 * @param unknownTokens   how many such tokens
 * @param entities        entity-level scores when the tags are BIO, else null
 */
public record TagScore(double accuracy, long tokens, double unknownAccuracy, long unknownTokens,
                       Entities.Score entities) {}
