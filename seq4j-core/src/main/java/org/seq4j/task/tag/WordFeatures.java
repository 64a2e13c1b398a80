package org.seq4j.task.tag;

/** What a tagger sees of each token. */
public enum WordFeatures {
    /** The word's embedding only. */
    WORDS,
    /**
     * The word plus one embedding of its shape and last three letters ("Xx|ing"): cheap character information
     * that lets unknown words be tagged by their morphology and capitalisation.
     */
    WORDS_AND_SUFFIXES
}
