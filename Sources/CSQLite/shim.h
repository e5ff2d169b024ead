#include <sqlite3.h>

// sqlite3_db_config is variadic, which Swift cannot call: one fixed form.
static inline int csqlite_db_config(sqlite3 *db, int option, int value) {
    return sqlite3_db_config(db, option, value, (int *)0);
}

// sqlite3_config is variadic as well. SQLite's memory statistics (on by
// default) take one global mutex around every allocation and free, which
// the connections of two threads then contend for; nothing here reads them.
static inline int csqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
