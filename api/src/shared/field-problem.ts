/** One refused input field, as services report it (the resolvers turn it into a FieldError). */
export type FieldProblem = { field: string; code: string; message: string };
