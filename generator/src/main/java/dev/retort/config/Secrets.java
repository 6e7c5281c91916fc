package dev.retort.config;

import java.util.regex.Pattern;

/** Keeps passwords out of everything Retort prints: URLs are shown with their passwords masked. */
public final class Secrets {

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;](?:password|sslpassword)=)[^&;]*");
    /** Up to the last {@code @} before any query, so an unencoded {@code @} or {@code /} in a password is covered. */
    private static final Pattern USER_INFO = Pattern.compile("^([a-z:]+//[^/@:?#]*:)[^?#]*@");

    private Secrets() {
    }

    /** {@code jdbc:postgresql://h/db?user=app&password=s3cret} becomes {@code ...&password=***}. */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceFirst("$1***@");
    }

    /** Replaces every occurrence of {@code secret} in {@code text}. */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "***");
    }
}
