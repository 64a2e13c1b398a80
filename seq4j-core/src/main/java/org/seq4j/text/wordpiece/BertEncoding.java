package org.seq4j.text.wordpiece;

import java.util.List;

/**
 * One encoded input, as Hugging Face's {@code Encoding}: all arrays have the final length (after truncation and
 * padding).
 *
 * @param ids               token ids, {@code [CLS] A [SEP]} or {@code [CLS] A [SEP] B [SEP]}, then {@code [PAD]}s
 * @param tokens            the vocabulary strings of {@code ids}
 * @param typeIds           0 for the first segment (with its [CLS] and [SEP]), 1 for the second, 0 for padding
 * @param attentionMask     1 for real tokens, 0 for padding
 * @param specialTokensMask 1 for template tokens and padding
 * @param truncated         whether tokens were cut to fit
 * @param untruncatedLength the length the encoding would have had without truncation (and without padding)
 */
public record BertEncoding(int[] ids, List<String> tokens, int[] typeIds, int[] attentionMask,
                           int[] specialTokensMask, boolean truncated, int untruncatedLength) {
    public int length() {
        return ids.length;
    }
}
