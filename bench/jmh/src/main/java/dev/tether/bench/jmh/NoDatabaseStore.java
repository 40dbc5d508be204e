package dev.tether.bench.jmh;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Vetoed;

import dev.tether.SessionStorage;
import dev.tether.spi.LockedSession;
import dev.tether.spi.SessionChanges;
import dev.tether.spi.SessionRow;
import dev.tether.spi.SessionStore;
import dev.tether.spi.StoredBean;
import dev.tether.spi.StoredSession;

/**
 * A store with no database behind it, for {@link RequestPath}: the sessions in a map, each save applied to it, so that
 * what a unit of work costs is Tether's own path alone. Not a store to use: it keeps the first 1,000 sessions only,
 * and locks nothing.
 */
@Vetoed
public class NoDatabaseStore implements SessionStore {

    /** The most new sessions kept: enough for the sessions a benchmark reads. */
    private static final int KEPT = 1_000;

    private final Map<String, StoredSession> byHash = new ConcurrentHashMap<>();
    private final Map<String, String> hashByPk = new ConcurrentHashMap<>();

    /** The store as a Weld bean of the application, the way an application brings its own. */
    @SessionStorage
    @ApplicationScoped
    public static class AsBean extends NoDatabaseStore {
    }

    @Override
    public Optional<StoredSession> load(String idHash, long now) {
        return Optional.ofNullable(byHash.get(idHash));
    }

    @Override
    public Optional<LockedSession> lockAndLoad(String idHash, long now, long waitMillis) {
        throw new UnsupportedOperationException("the benchmark's beans take no lock");
    }

    @Override
    public Optional<StoredSession> loadByPk(String pk) {
        return Optional.ofNullable(hashByPk.get(pk)).map(byHash::get);
    }

    @Override
    public void save(SessionChanges changes) {
        SessionRow row;
        Map<String, StoredBean> beans;
        if (changes.created() != null) {
            row = changes.created();
            beans = new HashMap<>();
        } else {
            StoredSession stored = byHash.get(hashByPk.get(changes.sessionPk()));
            row = stored.row();
            beans = new HashMap<>(stored.beans());
        }
        for (SessionChanges.BeanWrite bean : changes.inserts()) {
            beans.put(bean.key(), new StoredBean(bean.key(), bean.codec(), bean.state(), 1, bean.state().length));
        }
        for (SessionChanges.BeanWrite bean : changes.updates()) {
            long version = beans.get(bean.key()).version() + 1;
            beans.put(bean.key(), new StoredBean(bean.key(), bean.codec(), bean.state(), version, bean.state().length));
        }
        changes.deletes().forEach(bean -> beans.remove(bean.key()));
        if (changes.created() != null && byHash.size() >= KEPT) {
            // a benchmark that makes a session per call would otherwise measure this map's growth
            return;
        }
        byHash.put(row.idHash(), new StoredSession(row, beans));
        hashByPk.put(row.pk(), row.idHash());
    }

    @Override
    public void delete(String pk) {
        Optional.ofNullable(hashByPk.remove(pk)).ifPresent(byHash::remove);
    }

    @Override
    public List<SessionRow> findByPrincipal(String principal, long now) {
        return List.of();
    }

    @Override
    public Optional<SessionRow> find(String idHash, long now) {
        return load(idHash, now).map(StoredSession::row);
    }

    @Override
    public long countLive(long now) {
        return byHash.size();
    }

    @Override
    public List<SessionRow> findExpired(long now, int limit) {
        return List.of();
    }

    @Override
    public List<String> deleteExpired(List<String> pks, long now) {
        return List.of();
    }

    @Override
    public boolean acquireLease(String name, String holder, long now, long until) {
        return true;
    }
}
