import Dispatch
import Foundation
import Synchronization

/// What the last texts read made (YAML nodes, figures.yaml's declarations),
/// by the texts' bytes. A build with releases reads the same files several
/// times over (figures.yaml for each report loaded, the codebook for
/// loading and for comparing two releases' data), and libyaml alone takes
/// some 300 instructions a byte. Only values are kept, so a text's kept
/// value is what making it again gives. Keyed by bytes, not by String
/// equality (which matches canonically equivalent spellings); a text being
/// made on another thread is waited for rather than made twice.
final class TextMemo<Value: Sendable>: Sendable {
    private final class Entry: Sendable {
        let key: [UInt8]
        let ready = DispatchGroup()
        let value = Mutex<Value?>(nil)

        init(_ key: [UInt8]) {
            self.key = key
        }
    }

    private let kept = Mutex<[Entry]>([])
    /// How many texts are kept (the oldest goes first) and the longest kept, in bytes.
    let entries: Int
    let largestText: Int

    init(entries: Int, largestText: Int) {
        self.entries = entries
        self.largestText = largestText
    }

    /// `make(text)`, made now or kept from before; `context` (a file's
    /// path, which messages name) is part of the key.
    func value(_ text: String, context: String = "", _ make: (String) -> Value) -> Value {
        guard text.utf8.count <= largestText else { return make(text) }
        let key = Array(context.utf8) + [0] + Array(text.utf8)
        let (entry, isNew) = kept.withLock { kept -> (Entry, Bool) in
            if let found = kept.first(where: { Self.same($0.key, key) }) { return (found, false) }
            let entry = Entry(key)
            entry.ready.enter()
            kept.append(entry)
            if kept.count > entries { kept.removeFirst() }
            return (entry, true)
        }
        if isNew {
            let value = make(text)
            entry.value.withLock { $0 = value }
            entry.ready.leave()
            return value
        }
        entry.ready.wait()
        return entry.value.withLock { $0! }
    }

    /// How many texts are kept now.
    var count: Int { kept.withLock { $0.count } }

    private static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, a.count) == 0 } }
    }
}

/// The nodes of the YAML texts composed last.
typealias YAMLMemo = TextMemo<Result<YAMLNode?, YAMLProblems>>

extension YAMLNode {
    /// The memo of every file's nodes (a review has a dozen YAML files).
    static let memo = YAMLMemo(entries: 24, largestText: 1 << 22)
}

extension TextMemo where Value == Result<YAMLNode?, YAMLProblems> {
    /// The nodes of `text`, composed now or kept from before.
    func composed(_ text: String) -> Value {
        value(text) { text in Result { () throws(YAMLProblems) in try YAMLNode.composeUncached(text) } }
    }
}
