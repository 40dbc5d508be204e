package dev.tether.spi;

import java.util.List;

import dev.tether.SessionLimitPolicy;
import dev.tether.TooManySessionsException;

/**
 * The limit a save must keep when it gives a session a principal (a login): at most {@code maxSessions} live
 * sessions of {@code principal}, the saved one included.
 *
 * @param principal   whom the saved session now belongs to
 * @param maxSessions how many live sessions the principal may have
 * @param policy      what makes room: ending the oldest others, or refusing the save
 * @param now         the time of the save: sessions expired by then do not count
 */
public record PrincipalLimit(String principal, int maxSessions, SessionLimitPolicy policy, long now) {

    /**
     * The sessions to end so that the saved one fits.
     *
     * @param others the principal's other live sessions, oldest first
     * @return the oldest of them beyond the limit; none when the saved one fits
     * @throws TooManySessionsException when it does not fit and the policy refuses
     */
    public List<SessionRow> toEnd(List<SessionRow> others) {
        int excess = others.size() - (maxSessions - 1);
        if (excess <= 0) {
            return List.of();
        }
        if (policy == SessionLimitPolicy.REFUSE) {
            throw new TooManySessionsException(principal, maxSessions);
        }
        return List.copyOf(others.subList(0, excess));
    }
}
