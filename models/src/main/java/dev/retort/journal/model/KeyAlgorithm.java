package dev.retort.journal.model;

/** How a data key is wrapped by a key-encryption key. */
public enum KeyAlgorithm {
    AES_256_GCM, XCHACHA20_POLY1305, AES_256_KW
}
