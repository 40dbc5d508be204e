package dev.tether.context;

import dev.tether.spi.LockedSession;

/**
 * The serialize lock a unit took when it loaded its session, if it took one: handed over to the write that commits
 * in it, or released when the unit ends without one. Whoever takes it owns it; it is never released twice.
 */
final class SessionLockHolder {

    private LockedSession held;

    synchronized void hold(LockedSession lock) {
        held = lock;
    }

    /** The lock, now the caller's to save or close; {@code null} when there is none (any more). */
    synchronized LockedSession take() {
        LockedSession taken = held;
        held = null;
        return taken;
    }

    /** Releases the lock, if still held, outside the application's transaction. */
    void release(OutsideTransactions writes) {
        LockedSession taken = take();
        if (taken != null) {
            writes.run(taken::close);
        }
    }
}
