package org.dealreg.program;

/** A programme setting was changed; what it was and what it is now (settings hold no secret). */
public record SettingChanged(String key, String oldValue, String newValue) {
}
