package org.seq4j.text.metrics;

/** sacreBLEU's smoothing methods for n-gram precisions with zero matches (Chen and Cherry, 2014). */
public enum Smoothing {
    /** No smoothing: a zero precision makes the score 0. */
    NONE("none", null),
    /** A zero match count becomes {@code smoothValue} (default 0.1). */
    FLOOR("floor", 0.1),
    /** Adds {@code smoothValue} (default 1) to matches and totals of orders 2 and up. */
    ADD_K("add-k", 1.0),
    /** The k-th zero-match order gets precision 1 / (2^k · total) (mteval's method; sentence BLEU's default). */
    EXP("exp", null);

    private final String sacrebleuName;
    private final Double defaultValue;

    Smoothing(String sacrebleuName, Double defaultValue) {
        this.sacrebleuName = sacrebleuName;
        this.defaultValue = defaultValue;
    }

    public String sacrebleuName() {
        return sacrebleuName;
    }

    /** The value used when none is given; {@code null} for methods that take none. */
    public Double defaultValue() {
        return defaultValue;
    }

    public static Smoothing byName(String name) {
        for (Smoothing s : values()) {
            if (s.sacrebleuName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown smoothing '" + name + "' (known: none, floor, add-k, exp)");
    }
}
