/**
 * Sequence tagging (issue 5, {@code tag}): {@link org.seq4j.task.tag.SequenceTagger} trains a bidirectional RNN
 * tagger on a CoNLL-U column or BIO named entities ({@link org.seq4j.task.tag.TagData}), scores token accuracy and,
 * for BIO, entity precision / recall / F1 as conlleval does ({@link org.seq4j.task.tag.Entities}).
 */
package org.seq4j.task.tag;
