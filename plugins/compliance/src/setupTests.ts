import '@testing-library/jest-dom';

// Dialogs and lazy chunks render slowly on a busy 2-core CI machine
jest.setTimeout(20_000);
