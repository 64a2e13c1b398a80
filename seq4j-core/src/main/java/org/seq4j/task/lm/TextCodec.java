package org.seq4j.task.lm;

import org.seq4j.data.CharVocabulary;
import org.seq4j.text.SpecialTokens;
import org.seq4j.text.Vocabulary;
import org.seq4j.text.bpe.BpeTokenizer;

/**
 * Text ↔ token ids for a language model at one {@link LmLevel}, and its JSON form, which travels in the model
 * file's metadata so that a saved model always decodes with the very table it was trained with.
 */
public sealed interface TextCodec permits TextCodec.Chars, TextCodec.Words, TextCodec.Bpe {

    LmLevel level();

    int size();

    int[] encode(String text);

    String decode(int[] ids);

    /** What goes between a prompt and its continuation (a space between words, nothing otherwise). */
    default String separator() {
        return "";
    }

    /** Characters, numbered in code point order (an unseen character is an error naming it). */
    record Chars(CharVocabulary vocabulary) implements TextCodec {
        public LmLevel level() {
            return LmLevel.CHAR;
        }

        public int size() {
            return vocabulary.size();
        }

        public int[] encode(String text) {
            return vocabulary.encode(text);
        }

        public String decode(int[] ids) {
            return vocabulary.decode(ids);
        }
    }

    /** Whitespace-separated words; words outside the vocabulary become {@code <unk>}. */
    record Words(Vocabulary vocabulary) implements TextCodec {
        static final SpecialTokens SPECIALS = SpecialTokens.none().withUnk("<unk>");

        public LmLevel level() {
            return LmLevel.WORD;
        }

        public int size() {
            return vocabulary.size();
        }

        public int[] encode(String text) {
            return vocabulary.encode(text);
        }

        public String decode(int[] ids) {
            return String.join(" ", vocabulary.decode(ids));
        }

        @Override
        public String separator() {
            return " ";
        }
    }

    /** Byte-level BPE (GPT-2's scheme): any text encodes, nothing is unknown. */
    record Bpe(BpeTokenizer tokenizer) implements TextCodec {
        public LmLevel level() {
            return LmLevel.BPE;
        }

        public int size() {
            // ids need not be dense in a loaded vocab.json: the output layer spans the largest id
            return tokenizer.vocab().values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        }

        public int[] encode(String text) {
            return tokenizer.encodeOrdinary(text);
        }

        public String decode(int[] ids) {
            return tokenizer.decode(ids);
        }
    }
}
