// The reliability suite bends the same schema-valid sample inputs the server tests use.
export { SAMPLE_INPUTS as samples } from '../server/sample-inputs';
