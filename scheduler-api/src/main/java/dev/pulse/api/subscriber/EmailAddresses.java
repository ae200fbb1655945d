package dev.pulse.api.subscriber;

import java.util.regex.Pattern;

/** Email syntax as HTML forms check it (WHATWG), plus a dot in the domain and the 320-character limit. */
public final class EmailAddresses {

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddresses() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= 320 && EMAIL.matcher(email).matches();
    }
}
