import Foundation

/// The folder of dataset files, and the names errors give them.
struct DataDirectory {
    /// The folder as the user named it, without a trailing slash (`data`).
    let path: String

    init(_ path: String) {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.path = trimmed
    }

    /// The name errors use for a file: `data/patients.csv`.
    func display(_ file: String) -> String {
        path == "." ? file : "\(path)/\(file)"
    }

    var exists: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    func bytes(_ file: String) -> [UInt8]? {
        FileManager.default.contents(atPath: display(file)).map { [UInt8]($0) }
    }
}
