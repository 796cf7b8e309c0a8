package io.digitcam.source;

import java.util.Locale;

/** The three ways FFmpeg reaches a camera, one per desktop OS. */
enum Platform {
    LINUX, WINDOWS, MAC;

    static Platform current() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return WINDOWS;
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return MAC;
        }
        return LINUX;
    }
}
