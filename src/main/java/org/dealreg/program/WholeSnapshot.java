package org.dealreg.program;

/**
 * A {@link ProgrammeSnapshot} read whole and replaced whole: the copy is loaded on first use and again on each
 * announcement. Loads run one at a time, so a load that started before a change committed can never replace the copy
 * of a load that started after it. A module says only how to read its data ({@link #read()}).
 */
public abstract class WholeSnapshot<T> implements ProgrammeSnapshot {

    private final Object loading = new Object();
    private volatile T loaded;

    /** The copy as last loaded (loaded now if it never was). */
    public final T now() {
        T now = loaded;
        return now != null ? now : load();
    }

    @Override
    public final void reload() {
        load();
    }

    /** Reads the whole data from the database; the result is never changed afterwards. */
    protected abstract T read();

    private T load() {
        synchronized (loading) {
            loaded = read();
            return loaded;
        }
    }
}
