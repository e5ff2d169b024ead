#if canImport(Glibc)
import Glibc
#endif

/// How the process asks the C library for memory.
public enum ProcessMemory {
    /// Blocks this large or larger come straight from the system and go back to it when freed.
    public static let largeBlock: Int32 = 4 << 20

    /// glibc serves a block of 128 KiB or more straight from the system and
    /// gives it back when freed, but each time one is freed it raises that
    /// threshold to the block's size (up to 32 MiB): a build's later tables,
    /// pages and buffers then come from its heaps, whose freed pages it
    /// keeps. At a million patients that held about 100 MiB more at the
    /// peak. A fixed threshold of 4 MiB keeps the large blocks going back
    /// (a lower one made many more system calls for the medium ones).
    /// Returns whether the C library took the setting (glibc's `mallopt`,
    /// which Swift does not import, looked up by name).
    @discardableResult
    public static func returnLargeBlocks() -> Bool {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
        return unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, largeBlock) == 1
        #else
        return false
        #endif
    }
}
