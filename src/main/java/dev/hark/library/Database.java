package dev.hark.library;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The library database: one SQLite file in WAL mode, migrated by Flyway on open.
 *
 * <p>Every transaction starts with {@code BEGIN IMMEDIATE}: SQLite allows one writer, and a
 * deferred transaction that later tries to write can fail at once with SQLITE_BUSY instead of
 * waiting. Readers never block in WAL mode. Thread-safe: connections come from a small pool.
 */
public final class Database implements AutoCloseable {

    public static final String FILE_NAME = "hark.db";

    private final Path file;
    private final Jdbi jdbi;

    private final HikariDataSource pool;

    private Database(Path file, Jdbi jdbi, HikariDataSource pool) {
        this.file = file;
        this.jdbi = jdbi;
        this.pool = pool;
    }

    /** Closes the pooled connections. */
    @Override
    public void close() {
        pool.close();
    }

    /** Opens (creating if needed) {@code hark.db} in the data folder and brings its schema up to date. */
    public static Database open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new LibraryException("Cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        Path file = dataDir.resolve(FILE_NAME);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL is safe in WAL mode: a killed process never corrupts the file or loses a commit
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(30_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        // opening a SQLite connection reads the schema and sets pragmas: pool them
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setMaximumPoolSize(8);
        pool.setMinimumIdle(1);
        pool.setPoolName("hark-db");
        pool.setConnectionTimeout(60_000);
        HikariDataSource dataSource = new HikariDataSource(pool);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new LibraryException("Cannot open the library at " + file + ": " + rootMessage(e), e);
        }
        return new Database(file, Jdbi.create(dataSource), dataSource);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Path file() {
        return file;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
