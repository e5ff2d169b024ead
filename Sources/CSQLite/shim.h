#include <sqlite3.h>

// sqlite3_db_config is variadic, which Swift cannot call: one fixed form.
static inline int csqlite_db_config(sqlite3 *db, int option, int value) {
    return sqlite3_db_config(db, option, value, (int *)0);
}
