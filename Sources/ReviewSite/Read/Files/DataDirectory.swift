import Foundation

/// The folder of dataset files, and the names errors give them.
///
/// The folder itself may be a symbolic link: it is the user's explicit
/// argument (`--data link`). The files in it must not be links
/// (RegularFile.contents says why).
struct DataDirectory {
    /// The folder as the user named it, without a trailing slash (`data`).
    let path: String
    /// Every file read and found usable, by file name: the site's
    /// downloads are these files, checked against what was read.
    let read = ReadFiles()
    /// The workbook holding some or all tables in place of CSV files (Read/Workbook/Workbook.swift).
    var workbook: Workbook?
    /// A workbook is there but cannot be read (reported): tables without a CSV file are not missing too.
    var workbookUnreadable = false
    /// Where the tables read from the workbook's sheets are, for errors.
    let sheets = SheetPlaces()

    init(_ path: String) {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.path = trimmed
    }

    /// The name errors use for a file: `data/cases.csv`.
    func display(_ file: String) -> String {
        path == "." ? file : "\(path)/\(file)"
    }

    /// An earlier line of a table in a message: `on line 4`, or `on row 4` of a sheet.
    func earlier(_ file: String, _ line: Int) -> String {
        sheets.place(of: display(file)) == nil ? "on line \(line)" : "on row \(line)"
    }

    var exists: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Whether the folder has an entry of that name (a link too: reading it then says why it is refused).
    func has(_ file: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: display(file))) != nil
    }

    /// The file's bytes when it is a regular file saved as UTF-8 text with
    /// LF or CRLF lines; otherwise nil, and the problem is reported.
    /// `expected` completes the message of a missing file.
    func bytes(_ file: String, sink: ErrorSink, expected: String) -> [UInt8]? {
        let name = display(file)
        switch RegularFile.contents(name) {
        case .failure(.missing):
            sink.add(file: name, line: nil, "file not found (\(expected))")
            return nil
        case .failure(let problem):
            sink.add(file: name, line: nil, problem.message(inputs: "a dataset"))
            return nil
        case .success(let bytes):
            if let problem = TextEncoding.problem(bytes) {
                sink.add(file: name, line: nil, problem)
                return nil
            }
            read.keep(file, DatasetFile(path: name, bytes: bytes))
            return bytes
        }
    }
}

/// The files a load has read; the patients are read on another thread.
final class ReadFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: DatasetFile] = [:]

    func keep(_ file: String, _ read: DatasetFile) {
        lock.withLock { files[file] = read }
    }

    var all: [String: DatasetFile] { lock.withLock { files } }
}
