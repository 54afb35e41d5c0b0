package org.marketingworkbench.core.i18n;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A message for a person, kept as a bundle key and its arguments so that the command line and the
 * window can each show it in the user's language.
 */
public record UserMessage(String key, Object... args) {

    public static final String BUNDLE = "org.marketingworkbench.i18n.messages";
    /**
     * Without this, asking for English (there is no messages_en) would fall back to the JVM's default
     * locale first: Chinese after a switch to Chinese, until the default is set back.
     */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The message bundle for {@code locale}, independent of the JVM's default locale. */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    public static UserMessage of(String key, Object... args) {
        return new UserMessage(key, args);
    }

    public String format(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key + (args.length == 0 ? "" : " " + Arrays.toString(args));
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] localised = Arrays.stream(args)
                .map(a -> a instanceof UserMessage m ? m.format(locale) : a)
                .toArray();
        return new MessageFormat(pattern, locale).format(localised);
    }

    @Override
    public String toString() {
        return format(Locale.ENGLISH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserMessage m && key.equals(m.key) && Arrays.equals(args, m.args);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(args);
    }
}
