package org.seq4j.text.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are Python's {@code bytes.decode("utf-8", "replace")} (the same practice as Rust's lossy). */
class Utf8LossyTest {
    private static String decode(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Utf8Lossy.decode(b, b.length);
    }

    @Test
    void replacesEachMaximalInvalidSubpart() {
        assertEquals("\uFFFD", decode(0xF0, 0x9F, 0x8E));
        assertEquals("a\uFFFDb", decode('a', 0xE2, 0x82, 'b'));
        assertEquals("\uFFFD\uFFFD\uFFFDx", decode(0xED, 0xA0, 0x80, 'x'));
        assertEquals("\uFFFD\uFFFD\uFFFD\uFFFD", decode(0xF4, 0x90, 0x80, 0x80));
        assertEquals("\uFFFD\uFFFD", decode(0xC0, 0xAF));
        assertEquals("🎉\uFFFD", decode(0xF0, 0x9F, 0x8E, 0x89, 0xF0));
        assertEquals("é中", decode(0xC3, 0xA9, 0xE4, 0xB8, 0xAD));
    }
}
