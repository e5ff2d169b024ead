import Testing
@testable import ReviewSite

/// The YAML composer: nodes with their marks, and every problem with its
/// kind, line and column (spec-style cases).
struct YAMLComposerTests {
    struct ProblemCase: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var expected: [YAMLProblem]
        var testDescription: String { name }
    }

    static let problemCases: [ProblemCase] = [
        ProblemCase(name: "unclosed flow mapping", yaml: "a: {b: 1\nc: 2\n",
                    expected: [YAMLProblem(kind: .syntax, problem: "did not find expected ',' or '}'", line: 2, column: 2)]),
        ProblemCase(name: "tab as indentation", yaml: "a:\n\tb: 1\n",
                    expected: [YAMLProblem(kind: .syntax, problem: "found character that cannot start any token", line: 2, column: 1)]),
        ProblemCase(name: "two documents", yaml: "a: 1\n---\nb: 2\n",
                    expected: [YAMLProblem(kind: .syntax, problem: "but found another document", line: 2, column: 1)]),
        ProblemCase(name: "undefined alias", yaml: "a: 1\nb: *nowhere\n",
                    expected: [YAMLProblem(kind: .syntax, problem: "found undefined alias", line: 2, column: 4)]),
        ProblemCase(name: "control character", yaml: "a: 1\nb: x\u{7}y\n",
                    expected: [YAMLProblem(kind: .unreadable(value: 7), problem: "control characters are not allowed", line: 2, column: 5)]),
        ProblemCase(name: "repeated keys: the first in sort order, where first written", yaml: "z: 1\nb: 2\nz: 3\n'b': 4\n",
                    expected: [YAMLProblem(kind: .repeatedKey("b"), line: 2, column: 1)]),
        ProblemCase(name: "repeated keys in a mapping of more than 16",
                    yaml: (1...20).map { "k\($0 + 10): \($0)\n" }.joined() + "k15: x\nk12: y\n",
                    expected: [YAMLProblem(kind: .repeatedKey("k12"), line: 2, column: 1)]),
        ProblemCase(name: "a repeated key in an inner mapping is found first", yaml: "a: {x: 1, x: 2}\na: 3\n",
                    expected: [YAMLProblem(kind: .repeatedKey("x"), line: 1, column: 5)]),
        ProblemCase(name: "aliases as keys: all of them", yaml: "a: &k key\n? *k\n: 1\nb:\n  ? *k\n  : 2\n",
                    expected: [YAMLProblem(kind: .aliasKey("k"), line: 2, column: 3),
                               YAMLProblem(kind: .aliasKey("k"), line: 5, column: 5)]),
        ProblemCase(name: "an alias inside a complex key", yaml: "a: &k key\n? [x, *k]\n: 1\n",
                    expected: [YAMLProblem(kind: .aliasKey("k"), line: 2, column: 7)]),
        ProblemCase(name: "aliases as keys, then a syntax error", yaml: "a: &k key\n? *k\n: 1\nb: [\n",
                    expected: [YAMLProblem(kind: .aliasKey("k"), line: 2, column: 3),
                               YAMLProblem(kind: .syntax, problem: "did not find expected node content", line: 5, column: 1)]),
        ProblemCase(name: "a billion laughs", yaml: BoundedInputTests.billionLaughs + "\n",
                    expected: [YAMLProblem(kind: .aliasLimit("c"), line: 4, column: 31)]),
    ]

    @Test(arguments: problemCases)
    func problems(_ test: ProblemCase) {
        #expect(Self.errors(test.yaml) == test.expected)
    }

    /// The problems composing `yaml` throws (none when it composes).
    static func errors(_ yaml: String) -> [YAMLProblem] {
        do {
            _ = try YAMLNode.compose(yaml)
            return []
        } catch {
            return error.all
        }
    }

    @Test func scalarsKeepTheirTextStyleAndPlace() throws {
        let yaml = "plain: yes\nsingle: '10'\ndouble: \"a\\0b\"\nliteral: |\n  one\n  two\nfolded: >-\n  one\n  two\nempty:\n"
        let root = try #require(try YAMLNode.compose(yaml)?.mapping)
        #expect(root.mark == YAMLNode.Mark(line: 1, column: 1))
        #expect(root.keys.compactMap(\.string) == ["plain", "single", "double", "literal", "folded", "empty"])
        let scalars = root.map { $0.value.scalar }
        #expect(scalars.map { $0?.string } == ["yes", "10", "a\u{0}b", "one\ntwo\n", "one two", ""])
        #expect(scalars.map { $0?.style } == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded, .plain])
        #expect(scalars.map { $0?.mark.line } == [1, 2, 3, 4, 7, 10])
        #expect(scalars.map { $0?.mark.column } == [8, 9, 9, 10, 9, 7])
        #expect(root["single"]?.string == "10")
        #expect(root["missing"] == nil)
    }

    @Test func listsAndMappingsNestInOrder() throws {
        let yaml = "- id: a\n  values: [1, 2]\n- id: b\n  values:\n    - 3\n"
        let list = try #require(try YAMLNode.compose(yaml)?.sequence)
        #expect(list.count == 2)
        #expect(list.map { $0.mapping?["id"]?.string } == ["a", "b"])
        #expect(list.map { $0.mapping?["values"]?.sequence?.compactMap(\.string) } == [["1", "2"], ["3"]])
        #expect(list[1].mark == YAMLNode.Mark(line: 3, column: 3))
        #expect(list[1].mapping?["values"]?.mark == YAMLNode.Mark(line: 5, column: 5))
    }

    @Test func anAliasStandsForItsNode() throws {
        let root = try #require(try YAMLNode.compose("a: &list [x, y]\nb: *list\n")?.mapping)
        #expect(root["b"]?.sequence?.compactMap(\.string) == ["x", "y"])
    }

    @Test func aFileWithoutADocumentIsNil() throws {
        #expect(try YAMLNode.compose("") == nil)
        #expect(try YAMLNode.compose("# only a comment\n") == nil)
        #expect(try YAMLNode.compose("---\n")?.string == "")
    }

    /// libyaml refuses nesting past 1,000 levels, so neither composing nor
    /// freeing a tree can run out of stack.
    @Test func nestingIsBounded() throws {
        func nested(_ depth: Int) -> String { String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
        var node = try YAMLNode.compose(nested(900))
        var levels = 0
        while let inner = node?.sequence {
            levels += 1
            node = inner.first
        }
        #expect(levels == 900)
        let problems = Self.errors(nested(100_000))
        #expect(problems.map(\.kind) == [.syntax])
        #expect(problems.first?.problem.hasPrefix("Maximum nesting level reached") == true)
    }
}
