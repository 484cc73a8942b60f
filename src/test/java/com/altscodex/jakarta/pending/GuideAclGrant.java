package com.altscodex.jakarta.pending;

/** The ACL grant docs/redis.md tells users to give the module, read from the guide itself. */
public final class GuideAclGrant {
    /** The rules after {@code ACL SETUSER altscodex on >password}, on one line. */
    public static final String RULES = read();

    private GuideAclGrant() {
    }

    private static String read() {
        try {
            String guide = java.nio.file.Files.readString(java.nio.file.Path.of("docs/redis.md"));
            int start = guide.indexOf("ACL SETUSER altscodex on >password ");
            String grant = guide.substring(start + "ACL SETUSER altscodex on >password ".length(), guide.indexOf("```", start));
            return grant.trim().replaceAll("\\s+", " ");
        } catch (java.io.IOException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("docs/redis.md gives no ACL SETUSER altscodex line", e);
        }
    }

}
