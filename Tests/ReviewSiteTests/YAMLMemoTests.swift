import Dispatch
import Foundation
import Testing
@testable import ReviewSite

/// YAMLMemo: a text composed again gives exactly what parsing it again
/// gives (nodes, marks, styles, problems), texts are told apart by their
/// bytes, and the memo stays bounded.
struct YAMLMemoTests {
    /// Every node with its mark, style and bytes, so that two trees are the same exactly when their dumps are.
    static func dump(_ node: YAMLNode?) -> String {
        guard let node else { return "(none)" }
        let mark = "@\(node.mark.line):\(node.mark.column)"
        switch node {
        case .scalar(let scalar):
            return "scalar\(mark) \(scalar.style) \(Array(scalar.string.utf8))"
        case .mapping(let mapping):
            return "mapping\(mark) {" + mapping.pairs.map { dump($0.key) + " => " + dump($0.value) }.joined(separator: ", ") + "}"
        case .sequence(let list):
            return "sequence\(mark) [" + list.items.map { dump($0) }.joined(separator: ", ") + "]"
        }
    }

    static func outcome(_ result: Result<YAMLNode?, YAMLProblems>) -> String {
        switch result {
        case .success(let node): dump(node)
        case .failure(let problems): "problems \(problems.all)"
        }
    }

    static func uncached(_ text: String) -> String {
        outcome(Result { () throws(YAMLProblems) in try YAMLNode.composeUncached(text) })
    }

    /// The review's own YAML files and those of its releases and the example.
    static var reviewFiles: [String] {
        let folders = ["data", "templates", "releases/1.0/data", "releases/1.1/data", "examples/traineau-2019/data", "examples/traineau-2019/templates"]
        return folders.flatMap { folder in
            let path = repositoryRoot.appendingPathComponent(folder).path
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(path)/\($0)" }
        }
    }

    @Test func theReviewsFilesKeptAreTheFilesParsedAgain() throws {
        let files = Self.reviewFiles
        #expect(files.count >= 20)
        let memo = YAMLMemo(entries: 64, largestText: 1 << 22)
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let expected = Self.uncached(text)
            #expect(expected.hasPrefix("mapping") || expected.hasPrefix("sequence"), "\(file)")
            #expect(Self.outcome(memo.composed(text)) == expected, "\(file), composed first")
            #expect(Self.outcome(memo.composed(text)) == expected, "\(file), kept")
        }
    }

    @Test(arguments: YAMLComposerTests.problemCases)
    func problemsKeptAreTheProblemsFoundAgain(_ test: YAMLComposerTests.ProblemCase) {
        let memo = YAMLMemo(entries: 4, largestText: 1 << 22)
        let first = Self.outcome(memo.composed(test.yaml)), second = Self.outcome(memo.composed(test.yaml))
        #expect(first == Self.uncached(test.yaml))
        #expect(second == first)
        #expect(first == "problems \(test.expected)")
    }

    @Test func canonicallyEquivalentTextsAreNotTheSameText() {
        let composed = "title: caf\u{E9}\n", decomposed = "title: cafe\u{301}\n"
        #expect(composed == decomposed)  // as Strings they are equal
        let memo = YAMLMemo(entries: 4, largestText: 1 << 22)
        let first = Self.outcome(memo.composed(composed)), second = Self.outcome(memo.composed(decomposed))
        #expect(first == Self.uncached(composed))
        #expect(second == Self.uncached(decomposed))
        #expect(first != second)
        #expect(memo.count == 2)
    }

    @Test func theMemoKeepsTheLastTextsAndNoLongOnes() {
        let memo = YAMLMemo(entries: 2, largestText: 20)
        for text in ["a: 1\n", "b: 2\n", "c: 3\n"] { _ = memo.composed(text) }
        #expect(memo.count == 2)
        let long = "key: " + String(repeating: "x", count: 30) + "\n"
        #expect(Self.outcome(memo.composed(long)) == Self.uncached(long))
        #expect(memo.count == 2)
        // The oldest went first: composing it again is right, and keeps it again.
        #expect(Self.outcome(memo.composed("a: 1\n")) == Self.uncached("a: 1\n"))
        #expect(Self.outcome(memo.composed("")) == "(none)")
    }

    @Test func aTextComposedOnSeveralThreadsAtOnceGivesEachTheSameNodes() throws {
        let text = try String(contentsOfFile: repositoryRoot.appendingPathComponent("templates/figures.yaml").path, encoding: .utf8)
        let expected = Self.uncached(text)
        let memo = YAMLMemo(entries: 4, largestText: 1 << 22)
        let results = Mutex8()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            results.set(index, Self.outcome(memo.composed(text)))
        }
        #expect(results.all == Array(repeating: expected, count: 8))
        #expect(memo.count == 1)
    }

    @Test func yamlChangesFindChangedAddedAndRemovedKeys() throws {
        let base = try DatasetFixture(), head = try DatasetFixture()
        defer { base.delete(); head.delete() }
        try base.write("search.yaml", "a:\n  b: 1\n  c: [x, y]\nd: old\ne: gone\n")
        try head.write("search.yaml", "a:\n  b: 2\n  c: [x, y, z]\nd: old\nf: new\n")
        let changes = DataChanges.yamlChanges("search.yaml", base.path, head.path)
        #expect(changes == [
            CellChange(file: "search.yaml", key: "a.b", column: nil, old: "1", new: "2"),
            CellChange(file: "search.yaml", key: "a.c[3]", column: nil, old: "", new: "z"),
            CellChange(file: "search.yaml", key: "f", column: nil, old: "", new: "new"),
            CellChange(file: "search.yaml", key: "e", column: nil, old: "gone", new: ""),
        ])
    }
}

/// Eight results written from several threads.
private final class Mutex8: @unchecked Sendable {
    private let lock = NSLock()
    private var values = Array(repeating: "", count: 8)

    func set(_ index: Int, _ value: String) {
        lock.withLock { values[index] = value }
    }

    var all: [String] { lock.withLock { values } }
}
