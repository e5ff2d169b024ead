#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

// A bound on the heap one guarded query takes while it runs
// (Database+Limits.swift). SQLite's own sqlite3_hard_heap_limit64 is only
// enforced with the memory statistics on, whose global mutex is off above;
// and it would count the whole process, the loaded database too. Here each
// thread counts what SQLite allocates and frees while it steps a guarded
// statement, and an allocation past its limit fails (SQLITE_NOMEM). All of
// these are used from one Swift file, so there is one copy of the state.
typedef struct {
    sqlite3_int64 used;    // bytes held by the statement's steps so far
    sqlite3_int64 limit;   // 0 when not counting
    int refused;           // whether an allocation was refused
} csqlite_heap_count;

// The state as function-local statics: Swift emits a header's static
// functions with what they hold, but not its static variables.
static inline csqlite_heap_count *csqlite_heap_state(void) {
    static _Thread_local csqlite_heap_count count;
    return &count;
}

// SQLite's own allocator, which the counting one calls.
static inline sqlite3_mem_methods *csqlite_heap_methods(void) {
    static sqlite3_mem_methods methods;
    return &methods;
}

static inline void *csqlite_heap_malloc(int size) {
    csqlite_heap_count *count = csqlite_heap_state();
    if (count->limit == 0) return csqlite_heap_methods()->xMalloc(size);
    if (count->used + size > count->limit) { count->refused = 1; return 0; }
    void *block = csqlite_heap_methods()->xMalloc(size);
    if (block) count->used += csqlite_heap_methods()->xSize(block);
    return block;
}

static inline void csqlite_heap_free(void *block) {
    csqlite_heap_count *count = csqlite_heap_state();
    if (count->limit != 0 && block) count->used -= csqlite_heap_methods()->xSize(block);
    csqlite_heap_methods()->xFree(block);
}

static inline void *csqlite_heap_realloc(void *block, int size) {
    csqlite_heap_count *count = csqlite_heap_state();
    if (count->limit == 0) return csqlite_heap_methods()->xRealloc(block, size);
    sqlite3_int64 old = block ? csqlite_heap_methods()->xSize(block) : 0;
    if (count->used - old + size > count->limit) { count->refused = 1; return 0; }
    void *moved = csqlite_heap_methods()->xRealloc(block, size);
    if (moved) count->used += csqlite_heap_methods()->xSize(moved) - old;
    return moved;
}

static inline int csqlite_heap_size(void *block) { return csqlite_heap_methods()->xSize(block); }
static inline int csqlite_heap_roundup(int size) { return csqlite_heap_methods()->xRoundup(size); }
static inline int csqlite_heap_init(void *data) { return csqlite_heap_methods()->xInit(data); }
static inline void csqlite_heap_shutdown(void *data) { csqlite_heap_methods()->xShutdown(data); }

// Before SQLite's first connection: its allocator, wrapped.
static inline int csqlite_count_heap(void) {
    int status = sqlite3_config(SQLITE_CONFIG_GETMALLOC, csqlite_heap_methods());
    if (status != SQLITE_OK) return status;
    sqlite3_mem_methods counting = *csqlite_heap_methods();
    counting.xMalloc = csqlite_heap_malloc;
    counting.xFree = csqlite_heap_free;
    counting.xRealloc = csqlite_heap_realloc;
    counting.xSize = csqlite_heap_size;
    counting.xRoundup = csqlite_heap_roundup;
    counting.xInit = csqlite_heap_init;
    counting.xShutdown = csqlite_heap_shutdown;
    return sqlite3_config(SQLITE_CONFIG_MALLOC, &counting);
}

// Counting on this thread from `used` bytes, up to `limit` (0: not counting).
static inline void csqlite_heap_start(sqlite3_int64 used, sqlite3_int64 limit) {
    csqlite_heap_count *count = csqlite_heap_state();
    count->used = used;
    count->limit = limit;
    count->refused = 0;
}

// Bytes the tool's own functions hold for SQLite (an aggregate's rows),
// negative when they let them go: 0 when they fit under this thread's
// limit, else 1 (and nothing is added).
static inline int csqlite_heap_charge(sqlite3_int64 bytes) {
    csqlite_heap_count *count = csqlite_heap_state();
    if (count->limit == 0) return 0;
    if (bytes > 0 && count->used + bytes > count->limit) { count->refused = 1; return 1; }
    count->used += bytes;
    return 0;
}

static inline sqlite3_int64 csqlite_heap_used(void) { return csqlite_heap_state()->used; }
static inline int csqlite_heap_refused(void) { return csqlite_heap_state()->refused; }
static inline void csqlite_heap_stop(void) { csqlite_heap_state()->limit = 0; }

// The progress handler of a guarded connection (DatabaseGuard.swift), in C:
// it runs every few virtual machine steps, so it is cheap (a coarse clock).
typedef struct {
    sqlite3_int64 calls;      // calls in the running statement
    sqlite3_int64 mostCalls;  // calls allowed: the step limit over the interval
    sqlite3_int64 deadline;   // on the monotonic clock, in nanoseconds
    int stopped;              // 0 running, 1 past the steps, 2 past the deadline
} csqlite_progress;

static inline sqlite3_int64 csqlite_now(void) {
    struct timespec now;
#ifdef CLOCK_MONOTONIC_COARSE
    clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
#else
    clock_gettime(CLOCK_MONOTONIC, &now);
#endif
    return (sqlite3_int64)now.tv_sec * 1000000000 + now.tv_nsec;
}

static inline int csqlite_progress_check(void *context) {
    csqlite_progress *progress = (csqlite_progress *)context;
    if (++progress->calls > progress->mostCalls) progress->stopped = 1;
    else if (csqlite_now() > progress->deadline) progress->stopped = 2;
    return progress->stopped;
}

static inline void csqlite_progress_start(csqlite_progress *progress, sqlite3_int64 seconds) {
    progress->calls = 0;
    progress->stopped = 0;
    progress->deadline = csqlite_now() + seconds * 1000000000;
}

static inline void csqlite_progress_handler(sqlite3 *db, int interval, csqlite_progress *progress) {
    sqlite3_progress_handler(db, interval, csqlite_progress_check, progress);
}

// An aggregate's rows of arguments, gathered in C as SQLite steps it, one
// byte buffer per group: the tool's function (Swift) then runs once per
// group over them (Database+Functions.swift). A value is a type byte (0
// NULL, 1 integer, 2 real, 3 text), then 8 bytes of a number, or a 4-byte
// length and the text's bytes.
typedef struct {
    unsigned char *bytes;
    sqlite3_int64 used;
    sqlite3_int64 capacity;
    sqlite3_int64 count;   // rows
    int width;             // arguments per row
} csqlite_rows;

// Appends one row of arguments; the bytes the buffer grew by (to be
// counted towards the query's memory), or -1 when memory ran out.
static inline sqlite3_int64 csqlite_rows_append(sqlite3_context *context, int count, sqlite3_value **values) {
    csqlite_rows *rows = (csqlite_rows *)sqlite3_aggregate_context(context, sizeof(csqlite_rows));
    if (!rows) return -1;
    sqlite3_int64 need = 0;
    for (int i = 0; i < count; i++) {
        switch (sqlite3_value_type(values[i])) {
        case SQLITE_NULL: need += 1; break;
        case SQLITE_INTEGER: case SQLITE_FLOAT: need += 9; break;
        default: sqlite3_value_text(values[i]); need += 5 + sqlite3_value_bytes(values[i]); break;
        }
    }
    sqlite3_int64 grown = 0;
    if (rows->used + need > rows->capacity) {
        sqlite3_int64 capacity = rows->capacity ? rows->capacity : 256;
        while (capacity < rows->used + need) capacity *= 2;
        unsigned char *bigger = (unsigned char *)realloc(rows->bytes, (size_t)capacity);
        if (!bigger) return -1;
        grown = capacity - rows->capacity;
        rows->bytes = bigger;
        rows->capacity = capacity;
    }
    unsigned char *out = rows->bytes + rows->used;
    for (int i = 0; i < count; i++) {
        switch (sqlite3_value_type(values[i])) {
        case SQLITE_NULL: *out++ = 0; break;
        case SQLITE_INTEGER: { sqlite3_int64 n = sqlite3_value_int64(values[i]); *out++ = 1; memcpy(out, &n, 8); out += 8; break; }
        case SQLITE_FLOAT: { double x = sqlite3_value_double(values[i]); *out++ = 2; memcpy(out, &x, 8); out += 8; break; }
        default: {
            const unsigned char *text = sqlite3_value_text(values[i]);
            int length = sqlite3_value_bytes(values[i]);
            *out++ = 3; memcpy(out, &length, 4); out += 4;
            if (length > 0 && text) memcpy(out, text, (size_t)length);
            out += length;
            break;
        }
        }
    }
    rows->used = out - rows->bytes;
    rows->width = count;
    rows->count += 1;
    return grown;
}

// The group's rows, or 0 when it had none; its buffer is the caller's to free.
static inline csqlite_rows *csqlite_rows_gathered(sqlite3_context *context) {
    return (csqlite_rows *)sqlite3_aggregate_context(context, 0);
}

static inline void csqlite_rows_free(csqlite_rows *rows) {
    free(rows->bytes);
    rows->bytes = 0;
    rows->used = rows->capacity = 0;
}
