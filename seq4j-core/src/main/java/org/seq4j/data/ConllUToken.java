package org.seq4j.data;

/**
 * One word line of a CoNLL-U sentence (the ten columns; {@code _} stays {@code _}).
 *
 * @param id   word index within the sentence, from 1
 * @param head index of the syntactic head (0 = root), or -1 if {@code _}
 */
public record ConllUToken(int id, String form, String lemma, String upos, String xpos, String feats, int head,
                          String deprel, String deps, String misc) {
}
