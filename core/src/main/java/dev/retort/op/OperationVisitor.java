package dev.retort.op;

/**
 * One method per operation. Handling operations through a visitor (Java 17 has no pattern switch) keeps
 * the exhaustiveness we want: a new operation breaks the build wherever it must be handled.
 */
public interface OperationVisitor<R> {

    R visit(CreateTable op);

    R visit(DropTable op);

    R visit(RenameTable op);

    R visit(AddColumn op);

    R visit(DropColumn op);

    R visit(AlterColumn op);

    R visit(RenameColumn op);

    R visit(CreateIndex op);

    R visit(DropIndex op);

    R visit(AddConstraint op);

    R visit(DropConstraint op);

    R visit(CreateSequence op);

    R visit(AlterSequence op);

    R visit(DropSequence op);

    R visit(CreateEnumType op);

    R visit(AddEnumValue op);

    R visit(DropEnumType op);

    R visit(SetTableComment op);
    R visit(CreateView op);
    R visit(DropView op);
    R visit(CreateSchema op);
    R visit(DropSchema op);
    R visit(InSchema op);

    R visit(ExecuteSql op);

    R visit(RenameObject op);

    R visit(ValidateConstraint op);
}
