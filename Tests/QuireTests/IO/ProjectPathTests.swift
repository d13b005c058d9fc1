import Foundation
import QuireCore
import Testing

@testable import Quire

/// Where a path Quire writes really leads: every existing component's links resolved.
struct ProjectPathTests {
    @Test func aPathIsInsideOnlyWhenEveryLinkOnTheWayStaysInside() throws {
        let project = try ProjectFolder("")
        defer { project.remove() }
        let manager = FileManager.default
        try manager.createDirectory(atPath: project.folder + "/plots", withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: project.folder + "/inside", withDestinationPath: "plots")
        try manager.createSymbolicLink(atPath: project.folder + "/away", withDestinationPath: project.outside)
        try manager.createSymbolicLink(atPath: project.folder + "/plots/up", withDestinationPath: "../..")
        try manager.createSymbolicLink(atPath: project.folder + "/dangling", withDestinationPath: project.outside + "/missing")
        let real = try #require(ProjectPath.realPath(project.folder))
        #expect(ProjectPath.realLocation("paper.figures/a.svg", in: project.folder) == real + "/paper.figures/a.svg")
        #expect(ProjectPath.realLocation("inside/new/a.svg", in: project.folder) == real + "/plots/new/a.svg")
        #expect(ProjectPath.realLocation("away", in: project.folder) == nil)
        #expect(ProjectPath.realLocation("away/new/a.svg", in: project.folder) == nil)
        #expect(ProjectPath.realLocation("plots/up/outside", in: project.folder) == nil)
        #expect(ProjectPath.realLocation("dangling", in: project.folder) == nil)
        #expect(ProjectPath.realLocation("../outside", in: project.folder) == nil)
        #expect(throws: LocatedError.self) { try ProjectPath.checkedForWriting("away", in: project.folder, what: "the figures folder") }
        #expect(try ProjectPath.checkedForWriting("inside", in: project.folder, what: "the figures folder") == project.folder + "/inside")
    }
}
