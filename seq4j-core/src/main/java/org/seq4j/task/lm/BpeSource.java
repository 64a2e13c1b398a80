package org.seq4j.task.lm;

import java.nio.file.Path;

/**
 * Where a BPE-level model's tokenizer comes from: trained on the training text (BpeTrainer, at
 * {@link LmOptions#vocabSize()}), or GPT-2's {@code vocab.json} + {@code merges.txt}.
 */
public sealed interface BpeSource {

    record Train() implements BpeSource {}

    record Files(Path vocabJson, Path mergesTxt) implements BpeSource {}

    static BpeSource train() {
        return new Train();
    }

    static BpeSource files(Path vocabJson, Path mergesTxt) {
        return new Files(vocabJson, mergesTxt);
    }
}
