package io.digitcam.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class ErrorTextTest {
    @Test
    void keepsTheFirstLineOfANativeMessage() {
        assertThat(ErrorText.oneLine(new RuntimeException("\n  avformat_open_input() error -2: \n  at 0x7f\n")))
                .isEqualTo("avformat_open_input() error -2:");
    }

    @Test
    void namesTheFileForFileExceptions() {
        assertThat(ErrorText.oneLine(new NoSuchFileException("a.png"))).isEqualTo("a.png: no such file");
        assertThat(ErrorText.oneLine(new AccessDeniedException("caps"))).isEqualTo("caps: permission denied");
    }

    @Test
    void fallsBackToTheTypeAndCapsTheLength() {
        assertThat(ErrorText.oneLine(new IOException(" "))).isEqualTo("IOException");
        assertThat(ErrorText.oneLine(new IllegalStateException("x".repeat(500)))).hasSize(201).endsWith("…");
    }
}
