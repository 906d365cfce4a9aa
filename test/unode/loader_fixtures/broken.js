// Test fixture: an implementation that fails while loading.
'use strict';
throw new Error('fixture: broken implementation');
