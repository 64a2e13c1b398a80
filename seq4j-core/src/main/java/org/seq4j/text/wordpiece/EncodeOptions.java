package org.seq4j.text.wordpiece;

/**
 * How {@link WordPieceTokenizer} shapes an encoding.
 *
 * @param maxLength length limit including {@code [CLS]}/{@code [SEP]}; longer inputs are cut at the end
 *                  ({@code longest_first} for pairs)
 * @param padding   whether to pad with {@code [PAD]} up to {@code maxLength}
 */
public record EncodeOptions(int maxLength, Padding padding) {
    public enum Padding { NONE, MAX_LENGTH }

    public EncodeOptions {
        if (maxLength < 3) {
            throw new IllegalArgumentException("maxLength must leave room for [CLS], [SEP] and a token: " + maxLength);
        }
    }

    /** BERT's usual limit of 512 positions, no padding. */
    public static EncodeOptions defaults() {
        return new EncodeOptions(512, Padding.NONE);
    }

    public static EncodeOptions truncateTo(int maxLength) {
        return new EncodeOptions(maxLength, Padding.NONE);
    }

    public static EncodeOptions padTo(int maxLength) {
        return new EncodeOptions(maxLength, Padding.MAX_LENGTH);
    }
}
