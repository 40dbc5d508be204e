/**
 * What an application may implement to replace a part of Tether, and the values those parts exchange.
 *
 * <ul>
 *   <li>{@link dev.tether.spi.SessionStore}: where sessions live. Tether's own store runs plain SQL over the
 *       application's data source; an application that keeps sessions elsewhere produces its own store as a
 *       {@code @SessionStorage @ApplicationScoped} bean, and Tether uses it instead. The store sees rows, bytes and
 *       versions only: {@link dev.tether.spi.StoredSession}, {@link dev.tether.spi.SessionRow},
 *       {@link dev.tether.spi.StoredBean}, and the writes of one request as {@link dev.tether.spi.SessionChanges}
 *       (with {@link dev.tether.spi.SessionUpdate} for the session's own row).</li>
 *   <li>{@link dev.tether.spi.BeanCodec}: how a bean's state becomes bytes and back. A {@code @SessionStorage}
 *       codec bean replaces the built-in codec of the same name, or adds one that {@code tether.codec} or
 *       {@code @StoreAs} can name. A codec reports bytes it cannot read with
 *       {@link dev.tether.spi.UnreadableStateException} (the bean then starts fresh) and a state it cannot write
 *       with {@link dev.tether.spi.UnwritableStateException}.</li>
 * </ul>
 *
 * <p>Everything outside {@code dev.tether} (the API) and this package is Tether's own and may change in any release.
 */
package dev.tether.spi;
