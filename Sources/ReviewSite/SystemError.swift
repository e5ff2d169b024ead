import Foundation

/// The operating system's words for a failure, as messages quote it.
enum SystemError {
    /// strerror of `code` (the last failure's errno unless given).
    static func reason(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// The system's reason for a Foundation error, not its "NSCocoaErrorDomain error 512".
    static func reason(of error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return reason(Int32(underlying.code))
        }
        if nsError.domain == NSPOSIXErrorDomain { return reason(Int32(nsError.code)) }
        return nsError.localizedDescription
    }
}
