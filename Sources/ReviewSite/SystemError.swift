import Foundation

/// The operating system's words for a failure, as messages quote it.
enum SystemError {
    /// strerror of `code` (the last failure's errno unless given).
    static func reason(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}
