import '@testing-library/jest-dom';

// Charts and large references render slowly on a busy 2-core CI machine
jest.setTimeout(20_000);
