package org.marketingworkbench.ui.common;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * The user's language: the locale the window shows, its resource bundle, and locale-aware
 * formatting. Switching the locale re-localises every binding made through {@link #bind}.
 */
public final class Localization {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, SIMPLIFIED_CHINESE);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();

    public Localization(Locale initial) {
        locale.set(supported(initial));
    }

    /** The supported locale closest to {@code requested}: Chinese for any zh locale, else English. */
    public static Locale supported(Locale requested) {
        return requested != null && "zh".equals(requested.getLanguage()) ? SIMPLIFIED_CHINESE : ENGLISH;
    }

    public static Locale fromTag(String tag) {
        return tag == null || tag.isBlank() ? supported(Locale.getDefault()) : supported(Locale.forLanguageTag(tag));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale newLocale) {
        locale.set(supported(newLocale));
    }

    public ResourceBundle bundle() {
        return UserMessage.bundle(locale.get());
    }

    public String get(String key, Object... args) {
        return UserMessage.of(key, args).format(locale.get());
    }

    public String format(UserMessage message) {
        return message == null ? "" : message.format(locale.get());
    }

    public String formatInteger(long n) {
        return NumberFormat.getIntegerInstance(locale.get()).format(n);
    }

    public String formatDecimal(double x, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(locale.get());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(x);
    }

    /** A bundle text that follows the language: bind a control's text to it instead of setting it once. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    /** Runs {@code refresh} now and again whenever the language changes (for texts built in code). */
    public void onLocaleChange(Runnable refresh) {
        locale.addListener((obs, old, now) -> refresh.run());
    }

    /** Text that follows both the message and the language. */
    public StringBinding bind(ObservableValue<UserMessage> message) {
        return Bindings.createStringBinding(() -> format(message.getValue()), message, locale);
    }
}
