package dev.tether.context;

/**
 * An open unit of work, as a boundary holds it between open and close. Opaque outside this package.
 *
 * @param hidden the unit that was active on the thread before, restored when this one closes
 */
public record UnitOfWorkHandle(UnitOfWork unit, UnitOfWork hidden) {
}
