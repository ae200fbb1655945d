package dev.pulse.api.workspace;

/**
 * What may go into the From and Reply-To headers of a newsletter. An address is one bare address
 * ({@code news@example.org}): printable ASCII, one {@code @}, a local part and a domain with a dot, and
 * nothing that would make a header of it more than that address (spaces, line breaks, {@code <>}, a
 * display name, quotes, a list). Checked without a regular expression, and so as not to let through
 * what a strict mail library would refuse.
 */
final class SenderChecks {

    static final int MAX_ADDRESS = 320;
    static final int MAX_NAME = 200;

    /** Characters that give an address a display name, a comment, a route, a quoted part or a second address. */
    private static final String SPECIALS = "<>()[],;:\\\"";

    private SenderChecks() {
    }

    /** What is wrong with {@code address} as a sender or reply-to address, or null if nothing is. */
    static String addressProblem(String address) {
        if (address.length() > MAX_ADDRESS) {
            return "must be at most " + MAX_ADDRESS + " characters";
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return "must be one email address, without spaces, line breaks or non-ASCII characters";
            }
            if (SPECIALS.indexOf(c) >= 0) {
                return "must be one bare email address, such as news@example.org, without a name, <> or a list";
            }
        }
        int at = address.indexOf('@');
        if (at < 0 || at != address.lastIndexOf('@')) {
            return "must be one email address, such as news@example.org";
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (!wellDotted(local) || !wellDotted(domain) || domain.indexOf('.') < 0) {
            return "must be one email address, such as news@example.org";
        }
        return null;
    }

    /** What is wrong with {@code name} as a sender's display name, or null if nothing is. */
    static String nameProblem(String name) {
        if (name.isBlank() || name.length() > MAX_NAME) {
            return "must be 1 to " + MAX_NAME + " characters";
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return "must be one line, without line breaks or other control characters";
            }
        }
        return null;
    }

    /** Non-empty, with no dot at either end and no two dots in a row. */
    private static boolean wellDotted(String part) {
        return !part.isEmpty() && !part.startsWith(".") && !part.endsWith(".") && !part.contains("..");
    }
}
