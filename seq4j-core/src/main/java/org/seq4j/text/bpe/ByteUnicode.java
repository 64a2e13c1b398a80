package org.seq4j.text.bpe;

import java.util.Arrays;

/**
 * GPT-2's {@code bytes_to_unicode}: every byte gets a printable character so that a BPE vocabulary can be stored as
 * text. Printable Latin-1 bytes map to themselves; the other 68 bytes map to U+0100 upwards in byte order
 * (space becomes {@code Ġ}, newline {@code Ċ}). The tables are constants, not state.
 */
public final class ByteUnicode {
    private static final char[] BYTE_TO_CHAR = buildByteToChar();
    private static final int[] CHAR_TO_BYTE = buildCharToByte();

    private ByteUnicode() {
    }

    /** The character standing for byte {@code b} (0..255). */
    public static char charOf(int b) {
        return BYTE_TO_CHAR[b & 0xFF];
    }

    /** The byte a mapped character stands for, or -1 if the character is not in the alphabet. */
    public static int byteOf(char c) {
        return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
    }

    /** The byte-level string of UTF-8 bytes {@code bytes[from, to)}. */
    public static String encode(byte[] bytes, int from, int to) {
        char[] out = new char[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = BYTE_TO_CHAR[bytes[i] & 0xFF];
        }
        return new String(out);
    }

    private static boolean keepsItself(int b) {
        return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    }

    private static char[] buildByteToChar() {
        char[] table = new char[256];
        int next = 256;
        for (int b = 0; b < 256; b++) {
            table[b] = keepsItself(b) ? (char) b : (char) next++;
        }
        return table;
    }

    private static int[] buildCharToByte() {
        int[] table = new int[512];
        Arrays.fill(table, -1);
        for (int b = 0; b < 256; b++) {
            table[BYTE_TO_CHAR[b]] = b;
        }
        return table;
    }
}
