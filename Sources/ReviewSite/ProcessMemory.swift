#if canImport(Glibc)
import Glibc
#endif

/// How the process asks the C library for memory.
public enum ProcessMemory {
    /// glibc serves a block of 128 KiB or more straight from the system and
    /// gives it back when freed, but each time one is freed it raises that
    /// threshold to the block's size (up to 32 MiB): a build's later tables,
    /// pages and buffers then come from its heaps, whose freed pages it keeps.
    /// At a million patients that held 100–140 MiB more at the peak. Fixing
    /// the threshold keeps large blocks going back to the system. Returns
    /// whether the C library took the setting (glibc's `mallopt`, which Swift
    /// does not import, looked up by name).
    @discardableResult
    public static func returnLargeBlocks() -> Bool {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
        return unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 128 * 1024) == 1
        #else
        return false
        #endif
    }
}
