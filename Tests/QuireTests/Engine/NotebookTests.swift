import Foundation
import QuireCore
import QuireMarkdown
import QuireTestSupport
import Testing

@testable import Quire

/// The notebook engine end to end on documents with noise blocks (which need no simulator).
struct NotebookTests {
    static let paper = """
        ---
        title: Demo
        quire:
          seed: 7
        ---
        # Demo

        ```noise id=lab
        depolarizing: {one_qubit: 0.001, two_qubit: 0.01}
        ```

        Prose between blocks stays exactly as written.

        > ```noise id=quoted
        > readout: {prob_meas1_prep0: 0.02, prob_meas0_prep1: 0.05}
        > ```

        """

    func run(_ text: String, options: RunOptions = RunOptions()) throws -> String {
        String(decoding: try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: options).document, as: UTF8.self)
    }

    @Test func runIsIdempotentAndStripsBackToTheSource() throws {
        let once = try run(Self.paper)
        #expect(once != Self.paper)
        #expect(try run(once) == once)
        let doc = try QuireDocument(bytes: Array(once.utf8), file: "paper.md")
        #expect(String(decoding: DocumentSplicer.strip(doc), as: UTF8.self) == Self.paper)
        #expect(once.contains("\"seed\": 7"))
        #expect(once.contains("<!-- quire:provenance -->"))
    }

    @Test func crlfDocumentStaysCRLF() throws {
        let crlf = Self.paper.replacingOccurrences(of: "\n", with: "\r\n")
        let once = try run(crlf)
        #expect(!once.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(try run(once) == once)
        let lf = try run(Self.paper)
        #expect(once.replacingOccurrences(of: "\r\n", with: "\n") == lf)
        // A checkout that converts LF to CRLF (git autocrlf) must not look like hand edits.
        let converted = lf.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try run(converted) == converted)
    }

    @Test func resultsDoNotDependOnOtherBlocks() throws {
        let block = "```noise id=quoted\nreadout: {prob_meas1_prep0: 0.02, prob_meas0_prep1: 0.05}\n```\n"
        func record(_ text: String) throws -> BlockRecord? {
            try Notebook.evaluate(bytes: Array(text.utf8), file: "paper.md", options: RunOptions()).records.first { $0.id == "quoted" }
        }
        let alone = try #require(try record(block))
        let withOthers = try #require(try record("---\nquire: {seed: 0}\n---\n```noise id=other\n```\n\n" + block))
        #expect(alone.seed == withOthers.seed)
        #expect(alone.resultSHA256 == withOthers.resultSHA256)
        let reseeded = try #require(try record("---\nquire: {seed: 1}\n---\n" + block))
        #expect(reseeded.seed != alone.seed)
    }

    @Test func blockErrorsAreLocatedInTheDocument() throws {
        let text = "# T\n\n> ```noise id=bad\n> depolarizing: {one_qubit: 2}\n> ```\n"
        #expect {
            _ = try run(text)
        } throws: { error in
            guard let error = error as? any InputError, let location = error.diagnostic.location else { return false }
            return location.line == 4 && location.column == 29 && error.description.contains("depolarizing.one_qubit")
        }
    }

    @Test func unknownKeysListTheValidOnes() throws {
        #expect {
            _ = try run("```noise id=n\ndepolarising: {one_qubit: 0.1}\n```\n")
        } throws: { error in
            let text = (error as? any InputError)?.description ?? ""
            return text.contains("paper.md:2:1") && text.contains("did you mean 'depolarizing'") && text.contains("valid keys")
        }
    }

    @Test func malformedFrontMatterIsLocated() throws {
        #expect {
            _ = try run("---\nquire:\n  seed: [1\n---\n\n```noise id=n\n```\n")
        } throws: { error in
            // The list is still open at the end of the YAML: reported where its text ends, just
            // after `[1`, not on the closing `---`.
            let location = (error as? any InputError)?.diagnostic.location
            return location?.file == "paper.md" && location?.line == 3 && location?.column == 11
        }
        #expect {
            _ = try run("---\nquire:\n  precision: 40\n---\n")
        } throws: { error in
            (error as? any InputError)?.description.contains("paper.md:3:14") == true
        }
    }

    @Test func keepGoingWritesTheErrorIntoTheFailingRegion() throws {
        var options = RunOptions()
        options.keepGoing = true
        let text = "```noise id=good\nreadout: {prob_meas1_prep0: 0.1}\n```\n\n```noise id=bad\nreadout: {prob_meas1_prep0: 3}\n```\n"
        let evaluation = try Notebook.evaluate(bytes: Array(text.utf8), file: "p.md", options: options)
        let out = String(decoding: evaluation.document, as: UTF8.self)
        #expect(evaluation.failures.count == 1)
        #expect(out.contains("<!-- quire:output id=good -->"))
        #expect(out.contains("**Quire error**"))
        #expect(out.contains("line 6, column"))
    }

    @Test func documentWithoutRunnableBlocksIsUntouchedAndGetsNoAppendix() throws {
        let text = "# Notes\r\n\r\n```python\r\nprint(1)\r\n```\r\nno final newline"
        #expect(try run(text) == text)
    }

    @Test func removingAllBlocksRemovesTheAppendix() throws {
        let once = try run("Intro\n\n```noise id=a\n```\n")
        let without = once.replacingOccurrences(of: "```noise id=a\n```\n", with: "")
        #expect(try run(without) == "Intro\n\n")
    }
}

/// `--jobs` changes how many blocks, sweep points and repeats run at once, never the bytes written.
struct ParallelRunTests {
    @Test func oneAndSeveralJobsWriteIdenticalBytes() throws {
        let text = """
            ```noise id=lab
            depolarizing: {one_qubit: 0.01, two_qubit: 0.02}
            ```

            ```circuit id=a shots=500 noise=lab
            OPENQASM 2.0;
            include "qelib1.inc";
            qreg q[3];
            h q[0];
            cx q[0], q[1];
            cx q[1], q[2];
            ```

            ```experiment id=e
            dataset: {name: circles, samples: 40, noise: 0.05}
            baselines: [logistic-regression, rbf-svm]
            ```

            \(Fixtures.variationalExperiment(
                id: "sweep", dataset: "samples: 24, noise: 0.1, test_fraction: 0.25", epochs: 2, batchSize: 6,
                extra: "sweep: {train.learning_rate: [0.05, 0.1, 0.2]}\n"))
            ```circuit id=b shots=100
            OPENQASM 2.0;
            include "qelib1.inc";
            qreg q[2];
            ry(0.3) q[0];
            cx q[0], q[1];
            ```

            """
        var options = RunOptions()
        options.jobs = 1
        let serial = try Notebook.evaluate(bytes: Array(text.utf8), file: "p.md", options: options)
        for jobs in [2, 3] {
            options.jobs = jobs
            let parallel = try Notebook.evaluate(bytes: Array(text.utf8), file: "p.md", options: options)
            #expect(serial.document == parallel.document, "--jobs \(jobs)")
            #expect(serial.figures == parallel.figures, "--jobs \(jobs)")
        }
    }
}
