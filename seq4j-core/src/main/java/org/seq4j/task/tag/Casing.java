package org.seq4j.task.tag;

/** How a tagger folds the case of words before looking them up. */
public enum Casing {
    /** Words as written: "Apple" and "apple" are different entries. */
    KEEP,
    /** Lower-cased (Locale.ROOT): fewer unknown words; capitalisation still reaches the shape feature. */
    LOWER
}
