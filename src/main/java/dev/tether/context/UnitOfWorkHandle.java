package dev.tether.context;

/**
 * An open unit of work, as a boundary holds it between {@link SessionUnits#open} and its close: opaque outside this
 * package, which alone reads the unit it stands for.
 */
public final class UnitOfWorkHandle {

    private final UnitOfWork unit;
    private final UnitOfWork hidden;

    /** @param hidden the unit that was active on the thread before, restored when this one closes */
    UnitOfWorkHandle(UnitOfWork unit, UnitOfWork hidden) {
        this.unit = unit;
        this.hidden = hidden;
    }

    UnitOfWork unit() {
        return unit;
    }

    UnitOfWork hidden() {
        return hidden;
    }
}
