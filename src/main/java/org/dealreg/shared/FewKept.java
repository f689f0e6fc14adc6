package org.dealreg.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values worked out once and kept, for keys of which only a few exist in practice (a language, a language and a
 * currency, a time zone) but any number could be asked for, since a browser's cookie or header chooses them: past
 * {@code most} keys a value is worked out each time and not kept.
 */
public final class FewKept<K, V> {

    private final int most;
    private final Function<K, V> work;
    private final Map<K, V> kept = new ConcurrentHashMap<>();

    public FewKept(int most, Function<K, V> work) {
        this.most = most;
        this.work = work;
    }

    public V get(K key) {
        V value = kept.get(key);
        if (value == null) {
            value = work.apply(key);
            if (kept.size() < most) {
                kept.putIfAbsent(key, value);
            }
        }
        return value;
    }
}
